-- One database per service (database-per-service), each with two roles (decision 0027):
--   onewindow_<service>_owner  owns the database and every table; the service's migrations run as it
--                              (DATABASE_OWNER_URL);
--   onewindow_<service>_app    what the running service connects as (DATABASE_URL): no superuser, owns
--                              nothing, so it cannot TRUNCATE, ALTER or disable a trigger; it gets
--                              SELECT/INSERT/UPDATE/DELETE on the owner's tables through default
--                              privileges, and the audit chain migration leaves it only SELECT/INSERT
--                              on audit_log.
-- Same grants as provisionServiceDatabase() in packages/database-roles (the source of truth; keep in step).
-- Passwords come from the container's environment (psql \getenv, PostgreSQL 15+), never from this file:
--   <SERVICE>_DB_OWNER_PASSWORD and <SERVICE>_DB_APP_PASSWORD, e.g. COUNTER_DB_APP_PASSWORD,
--   EXIT_ENTRY_DB_OWNER_PASSWORD. A role whose variable is unset gets no password (it can then sign in
--   only where pg_hba trusts the network — never in production).
-- Runs once, on an empty data directory (docker-entrypoint-initdb.d).
\set ON_ERROR_STOP on

-- ── counter ──
\getenv owner_pw COUNTER_DB_OWNER_PASSWORD
\getenv app_pw COUNTER_DB_APP_PASSWORD
\if :{?owner_pw}
CREATE ROLE onewindow_counter_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'owner_pw';
\else
CREATE ROLE onewindow_counter_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
\endif
\if :{?app_pw}
CREATE ROLE onewindow_counter_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_pw';
\else
CREATE ROLE onewindow_counter_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
\endif
\unset owner_pw
\unset app_pw
CREATE DATABASE onewindow_counter OWNER onewindow_counter_owner;
REVOKE ALL ON DATABASE onewindow_counter FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE onewindow_counter TO onewindow_counter_app;
\connect onewindow_counter
ALTER SCHEMA public OWNER TO onewindow_counter_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO onewindow_counter_app;
ALTER DEFAULT PRIVILEGES FOR ROLE onewindow_counter_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO onewindow_counter_app;
ALTER DEFAULT PRIVILEGES FOR ROLE onewindow_counter_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO onewindow_counter_app;
\connect postgres

-- ── household ──
\getenv owner_pw HOUSEHOLD_DB_OWNER_PASSWORD
\getenv app_pw HOUSEHOLD_DB_APP_PASSWORD
\if :{?owner_pw}
CREATE ROLE onewindow_household_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'owner_pw';
\else
CREATE ROLE onewindow_household_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
\endif
\if :{?app_pw}
CREATE ROLE onewindow_household_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_pw';
\else
CREATE ROLE onewindow_household_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
\endif
\unset owner_pw
\unset app_pw
CREATE DATABASE onewindow_household OWNER onewindow_household_owner;
REVOKE ALL ON DATABASE onewindow_household FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE onewindow_household TO onewindow_household_app;
\connect onewindow_household
ALTER SCHEMA public OWNER TO onewindow_household_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO onewindow_household_app;
ALTER DEFAULT PRIVILEGES FOR ROLE onewindow_household_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO onewindow_household_app;
ALTER DEFAULT PRIVILEGES FOR ROLE onewindow_household_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO onewindow_household_app;
\connect postgres

-- ── exit-entry ──
\getenv owner_pw EXIT_ENTRY_DB_OWNER_PASSWORD
\getenv app_pw EXIT_ENTRY_DB_APP_PASSWORD
\if :{?owner_pw}
CREATE ROLE onewindow_exit_entry_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'owner_pw';
\else
CREATE ROLE onewindow_exit_entry_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
\endif
\if :{?app_pw}
CREATE ROLE onewindow_exit_entry_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_pw';
\else
CREATE ROLE onewindow_exit_entry_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
\endif
\unset owner_pw
\unset app_pw
CREATE DATABASE onewindow_exit_entry OWNER onewindow_exit_entry_owner;
REVOKE ALL ON DATABASE onewindow_exit_entry FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE onewindow_exit_entry TO onewindow_exit_entry_app;
\connect onewindow_exit_entry
ALTER SCHEMA public OWNER TO onewindow_exit_entry_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO onewindow_exit_entry_app;
ALTER DEFAULT PRIVILEGES FOR ROLE onewindow_exit_entry_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO onewindow_exit_entry_app;
ALTER DEFAULT PRIVILEGES FOR ROLE onewindow_exit_entry_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO onewindow_exit_entry_app;
\connect postgres

-- ── traffic ──
\getenv owner_pw TRAFFIC_DB_OWNER_PASSWORD
\getenv app_pw TRAFFIC_DB_APP_PASSWORD
\if :{?owner_pw}
CREATE ROLE onewindow_traffic_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'owner_pw';
\else
CREATE ROLE onewindow_traffic_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
\endif
\if :{?app_pw}
CREATE ROLE onewindow_traffic_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_pw';
\else
CREATE ROLE onewindow_traffic_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
\endif
\unset owner_pw
\unset app_pw
CREATE DATABASE onewindow_traffic OWNER onewindow_traffic_owner;
REVOKE ALL ON DATABASE onewindow_traffic FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE onewindow_traffic TO onewindow_traffic_app;
\connect onewindow_traffic
ALTER SCHEMA public OWNER TO onewindow_traffic_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO onewindow_traffic_app;
ALTER DEFAULT PRIVILEGES FOR ROLE onewindow_traffic_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO onewindow_traffic_app;
ALTER DEFAULT PRIVILEGES FOR ROLE onewindow_traffic_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO onewindow_traffic_app;
\connect postgres

-- ── public-security ──
\getenv owner_pw PUBLIC_SECURITY_DB_OWNER_PASSWORD
\getenv app_pw PUBLIC_SECURITY_DB_APP_PASSWORD
\if :{?owner_pw}
CREATE ROLE onewindow_public_security_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'owner_pw';
\else
CREATE ROLE onewindow_public_security_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
\endif
\if :{?app_pw}
CREATE ROLE onewindow_public_security_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_pw';
\else
CREATE ROLE onewindow_public_security_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
\endif
\unset owner_pw
\unset app_pw
CREATE DATABASE onewindow_public_security OWNER onewindow_public_security_owner;
REVOKE ALL ON DATABASE onewindow_public_security FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE onewindow_public_security TO onewindow_public_security_app;
\connect onewindow_public_security
ALTER SCHEMA public OWNER TO onewindow_public_security_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO onewindow_public_security_app;
ALTER DEFAULT PRIVILEGES FOR ROLE onewindow_public_security_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO onewindow_public_security_app;
ALTER DEFAULT PRIVILEGES FOR ROLE onewindow_public_security_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO onewindow_public_security_app;
\connect postgres

-- ── complaints ──
\getenv owner_pw COMPLAINTS_DB_OWNER_PASSWORD
\getenv app_pw COMPLAINTS_DB_APP_PASSWORD
\if :{?owner_pw}
CREATE ROLE onewindow_complaints_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'owner_pw';
\else
CREATE ROLE onewindow_complaints_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
\endif
\if :{?app_pw}
CREATE ROLE onewindow_complaints_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_pw';
\else
CREATE ROLE onewindow_complaints_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
\endif
\unset owner_pw
\unset app_pw
CREATE DATABASE onewindow_complaints OWNER onewindow_complaints_owner;
REVOKE ALL ON DATABASE onewindow_complaints FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE onewindow_complaints TO onewindow_complaints_app;
\connect onewindow_complaints
ALTER SCHEMA public OWNER TO onewindow_complaints_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO onewindow_complaints_app;
ALTER DEFAULT PRIVILEGES FOR ROLE onewindow_complaints_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO onewindow_complaints_app;
ALTER DEFAULT PRIVILEGES FOR ROLE onewindow_complaints_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO onewindow_complaints_app;
\connect postgres
