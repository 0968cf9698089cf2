-- Pilot communities. Runs unchanged on H2 and PostgreSQL.
create table community (
  id               varchar(40)  not null primary key,
  name             varchar(100) not null,
  region           varchar(60)  not null,
  reference_prefix varchar(3)   not null unique,
  time_zone        varchar(40)  not null,
  active           boolean      not null default true,
  created_at       timestamp with time zone not null default current_timestamp
);

insert into community (id, name, region, reference_prefix, time_zone) values
  ('birmingham',   'Birmingham',   'AL', 'BHM', 'America/Chicago'),
  ('atlanta',      'Atlanta',      'GA', 'ATL', 'America/New_York'),
  ('akron',        'Akron',        'OH', 'AKR', 'America/New_York'),
  ('seattle',      'Seattle',      'WA', 'SEA', 'America/Los_Angeles'),
  ('hawaii',       'Hawaii',       'HI', 'HNL', 'Pacific/Honolulu'),
  ('rhode-island', 'Rhode Island', 'RI', 'PVD', 'America/New_York');
