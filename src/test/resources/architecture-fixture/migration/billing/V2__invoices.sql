create table if not exists invoice (id uuid primary key, order_id uuid not null);
