create table shop_order (id uuid primary key, total integer not null);
