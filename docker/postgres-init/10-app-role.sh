#!/bin/sh
# Runs once, when the PostgreSQL volume is first created: the role the API and the workers log in
# as. It owns nothing; the migrations (run as the owner, POSTGRES_USER) grant it table rights.
set -eu
psql -v ON_ERROR_STOP=1 -v app_password="$APP_DB_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE casemgmt_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'app_password';
SQL
