import { Breadcrumb } from 'antd';
import { Link, useMatches, useParams } from 'react-router-dom';
import { breadcrumbs, metaForPathname, type RouteMeta } from './route-meta.ts';

/** The route-meta entry of the page being shown (set by the router as the route's handle). */
export function useRouteMeta(pathname: string): RouteMeta {
  const matches = useMatches();
  const handle = [...matches].reverse().find((m) => m.handle)?.handle as RouteMeta | undefined;
  return handle ?? metaForPathname(pathname);
}

/**
 * Breadcrumbs and the page's one `<h1>`, from the route-meta table (issue 11: no page had an h1). Pages keep their
 * own smaller headings (h4/h5) for cards and sections; on the 工作台 the trail is just the title.
 */
export function PageHead({ meta }: { meta: RouteMeta }) {
  const params = useParams();
  const crumbs = breadcrumbs(meta, params);
  return (
    <div className="page-head">
      {crumbs.length > 1 && (
        <Breadcrumb
          className="page-breadcrumb"
          items={crumbs.map((c) => ({ title: c.href ? <Link to={c.href}>{c.title}</Link> : c.title }))}
        />
      )}
      <h1 className="page-title">{meta.title}</h1>
    </div>
  );
}
