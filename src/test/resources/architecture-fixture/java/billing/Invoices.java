class Invoices {
    String sql = """
            insert into invoice (id, order_id)
            select :id, o.id from shop_order o where o.id = :order""";
}
