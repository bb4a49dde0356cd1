#!/usr/bin/env bash
# Start Debian's PostgreSQL and create the Repertorio role and database (idempotent).
# Prints nothing but progress; the URL to use is
#   postgres://repertorio:repertorio@127.0.0.1:5432/repertorio
set -euo pipefail

DB_NAME="${POSTGRES_DB:-repertorio}"
DB_USER="${POSTGRES_USER:-repertorio}"
DB_PASSWORD="${POSTGRES_PASSWORD:-repertorio}"

say() { printf 'postgres: %s\n' "$*"; }

if ! command -v pg_ctlcluster >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "PostgreSQL is missing: sudo apt-get install -y postgresql" >&2
    exit 1
  fi
  say "installing Debian's postgresql"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  say "creating cluster $version/main"
  pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk '$1=="'"$version"'" && $2=="main" {print $4}' | grep -qx online; then
  say "starting cluster $version/main"
  pg_ctlcluster "$version" main start
fi

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

for _ in $(seq 1 30); do
  as_postgres psql -qtAc "SELECT 1" >/dev/null 2>&1 && break
  sleep 1
done

# CREATEDB: Django's test runner creates and drops its own test database.
as_postgres psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'" | grep -q 1 ||
  as_postgres psql -qc "CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD'"
as_postgres psql -qtAc "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'" | grep -q 1 ||
  as_postgres psql -qc "CREATE DATABASE $DB_NAME OWNER $DB_USER ENCODING 'UTF8' TEMPLATE template0"
say "ready: postgres://$DB_USER:***@127.0.0.1:5432/$DB_NAME"
