#!/bin/sh
# The quarterly restore drill (docs/deploy.md): the newest archive is restored into a
# scratch database and media folder beside the live ones, and compared with its manifest.
# The live site is not touched. Run as the portal's user with its environment:
#   sudo -u smolyan sh -c 'set -a; . /etc/smolyan-portal/env; sh deploy/restore-drill.sh'
# The database user needs CREATEDB (ALTER ROLE smolyan CREATEDB) for the scratch database.
set -eu
cd "$(dirname "$0")/.."
archives=${ARCHIVES:-/srv/smolyan/backups}
drill_db=${DRILL_DB:-smolyan_drill}
latest=$(ls -1 "$archives"/smolyan-backup-*.tar | sort | tail -n 1)
media=$(mktemp -d /var/tmp/smolyan-drill-media.XXXXXX)
trap 'rm -rf "$media"; dropdb --if-exists --maintenance-db="$DATABASE_URL" "$drill_db"' EXIT

echo "Restore drill with $latest"
dropdb --if-exists --maintenance-db="$DATABASE_URL" "$drill_db"
createdb --maintenance-db="$DATABASE_URL" "$drill_db"
# The live URL with the scratch database's name, its parameters (?sslmode=…) kept.
base=${DATABASE_URL%%\?*}
drill_url="${base%/*}/$drill_db${DATABASE_URL#"$base"}"
started=$(date +%s)
DATABASE_URL="$drill_url" DATABASE_REPLICA_URL= REDIS_URL= DJANGO_S3_BUCKET= \
  DJANGO_MEDIA_ROOT="$media" .venv/bin/python manage.py restore "$latest"
echo "The drill restored and checked the archive in $(( $(date +%s) - started )) s."
