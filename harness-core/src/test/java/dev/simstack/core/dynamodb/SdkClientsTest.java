package dev.simstack.core.dynamodb;

import static dev.simstack.core.dynamodb.DynamoDbTestSupport.item;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.regions.Region;

/** The unmodified SDK's three ways in: the sync client (elsewhere), the async client and the Enhanced Client. */
class SdkClientsTest {

    private static DynamoDbTestSupport support;

    @BeforeAll
    static void start() {
        support = DynamoDbTestSupport.start();
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    /** An order line as an application would map it. */
    @DynamoDbBean
    public static class OrderLine {
        private String orderId;
        private Integer line;
        private String product;
        private Double price;
        private List<String> notes;
        private Long version;

        @DynamoDbPartitionKey
        public String getOrderId() {
            return orderId;
        }

        public void setOrderId(String orderId) {
            this.orderId = orderId;
        }

        @DynamoDbSortKey
        public Integer getLine() {
            return line;
        }

        public void setLine(Integer line) {
            this.line = line;
        }

        public String getProduct() {
            return product;
        }

        public void setProduct(String product) {
            this.product = product;
        }

        public Double getPrice() {
            return price;
        }

        public void setPrice(Double price) {
            this.price = price;
        }

        public List<String> getNotes() {
            return notes;
        }

        public void setNotes(List<String> notes) {
            this.notes = notes;
        }

        @DynamoDbVersionAttribute
        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }
    }

    private static OrderLine line(String order, int number, String product, double price) {
        OrderLine line = new OrderLine();
        line.setOrderId(order);
        line.setLine(number);
        line.setProduct(product);
        line.setPrice(price);
        line.setNotes(List.of("gift"));
        return line;
    }

    @Test
    void the_enhanced_client_creates_puts_gets_queries_and_checks_versions() {
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(support.dynamo).build();
        DynamoDbTable<OrderLine> table = enhanced.table("order-lines", TableSchema.fromBean(OrderLine.class));
        table.createTable();
        table.putItem(line("o-1", 1, "tea", 3.5));
        table.putItem(line("o-1", 2, "cup", 12.0));
        table.putItem(line("o-2", 1, "pot", 30.0));

        OrderLine read = table.getItem(Key.builder().partitionValue("o-1").sortValue(2).build());
        List<OrderLine> lines = table.query(QueryConditional.keyEqualTo(k -> k.partitionValue("o-1"))).items()
                .stream().toList();
        OrderLine stale = table.getItem(Key.builder().partitionValue("o-2").sortValue(1).build());
        OrderLine fresh = table.getItem(Key.builder().partitionValue("o-2").sortValue(1).build());
        fresh.setPrice(31.0);
        table.updateItem(fresh);
        stale.setPrice(29.0);

        assertThat(read.getProduct()).isEqualTo("cup");
        assertThat(read.getPrice()).isEqualTo(12.0);
        assertThat(read.getNotes()).containsExactly("gift");
        assertThat(read.getVersion()).isEqualTo(1L);
        assertThat(lines).extracting(OrderLine::getLine).containsExactly(1, 2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> table.putItem(stale))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(table.scan(r -> r.filterExpression(Expression.builder().expression("price > :p")
                .putExpressionValue(":p", AttributeValue.fromN("20")).build())).items().stream().count())
                .isEqualTo(1);
        table.deleteItem(Key.builder().partitionValue("o-1").sortValue(1).build());
        assertThat(table.scan().items().stream().count()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> table.putItem(PutItemEnhancedRequest
                .builder(OrderLine.class).item(line("o-1", 2, "dup", 1)).conditionExpression(Expression.builder()
                        .expression("attribute_not_exists(orderId)").build()).build()))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void the_async_client_round_trips() {
        support.hashTable("async-items");

        support.async().putItem(b -> b.tableName("async-items").item(item("id", "a", "v", 1))).join();
        GetItemResponse read = support.async().getItem(b -> b.tableName("async-items").key(Map.of("id", s("a"))))
                .join();

        assertThat(read.item()).isEqualTo(item("id", "a", "v", 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> support.async().putItem(b -> b
                .tableName("async-items").item(item("id", "a")).conditionExpression("attribute_not_exists(id)")).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void a_global_table_replicates_through_the_stack_after_one_virtual_second() {
        support.hashTable("global");
        support.dynamo.updateTable(b -> b.tableName("global").replicaUpdates(u -> u.create(c -> c
                .regionName("eu-west-1"))));
        try (var europe = support.client(Region.EU_WEST_1)) {
            support.dynamo.putItem(b -> b.tableName("global").item(item("id", "g")));
            assertThat(europe.getItem(b -> b.tableName("global").key(Map.of("id", s("g")))).hasItem()).isFalse();

            support.stack.clock().advance(java.time.Duration.ofSeconds(1));

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> europe
                    .getItem(b -> b.tableName("global").key(Map.of("id", s("g")))).hasItem());
        }
    }
}
