// The reporting relation between regions (who files to whom), shared by work plans, filings and surveys.
export { type ReportingRow, reportingRepository, reportsUpTo } from './reporting.repository.ts';
export { type ReportingRegion, reportingParentOf, reportingTree } from './reporting-tree.ts';
