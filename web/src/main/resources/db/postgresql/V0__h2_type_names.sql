-- The migrations under db/migration are written once for H2 and PostgreSQL. Two column types they use are H2's
-- names that PostgreSQL lacks: CLOB (long text) and DOUBLE (a double-precision number). They are named here, so
-- that the same files create the same tables on PostgreSQL. Runs first on a new PostgreSQL database only.
CREATE DOMAIN clob AS TEXT;
CREATE DOMAIN "double" AS DOUBLE PRECISION;
