#!/usr/bin/env bash
# Kept for callers of the old name: the browser tests' tools are now part of every test tool.
exec "$(dirname "$0")/ensure-test-tools.sh" "$@"
