#!/usr/bin/env bash
# Nightly backup: the PostgreSQL database (custom format, restorable with pg_restore) and both media folders.
# Uses DATABASE_URL, MEDIA_ROOT, PRIVATE_MEDIA_ROOT and BACKUP_DIR from the environment; keeps 30 days.
set -euo pipefail
: "${DATABASE_URL:?}" "${MEDIA_ROOT:?}" "${PRIVATE_MEDIA_ROOT:?}"
BACKUP_DIR="${BACKUP_DIR:-/backup}"
STAMP="$(date +%F-%H%M%S)"
mkdir -p "$BACKUP_DIR" "$MEDIA_ROOT" "$PRIVATE_MEDIA_ROOT"
pg_dump --format=custom --no-owner --file="$BACKUP_DIR/gongkai-$STAMP.dump" "$DATABASE_URL"
tar -czf "$BACKUP_DIR/gongkai-media-$STAMP.tar.gz" \
  -C "$(dirname "$MEDIA_ROOT")" "$(basename "$MEDIA_ROOT")" \
  -C "$(dirname "$PRIVATE_MEDIA_ROOT")" "$(basename "$PRIVATE_MEDIA_ROOT")"
find "$BACKUP_DIR" -name 'gongkai-*' -mtime +30 -delete
echo "$BACKUP_DIR/gongkai-$STAMP.dump $BACKUP_DIR/gongkai-media-$STAMP.tar.gz"
