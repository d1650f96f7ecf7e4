-- Flyway owns this service's schema; later migrations add its tables.
create table if not exists service_info (
    key   text primary key,
    value text not null
);
