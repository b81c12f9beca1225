-- Extensions the platform relies on: trigram name search, and great-circle radius search without PostGIS
-- (earthdistance needs cube). All three ship with PostgreSQL's contrib: zonky's binaries, Debian, RDS, the postgis image.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;
