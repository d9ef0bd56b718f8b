class Orders {
    String sql = """
            select id, total from shop_order where id = :id""";
}
