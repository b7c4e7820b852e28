package dev.simstack.junit.injection;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** An order as the Enhanced client maps it. */
@DynamoDbBean
public class Order {
    private String id;
    private String status;

    /** The order's id. */
    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    /** Sets the id. */
    public void setId(String id) {
        this.id = id;
    }

    /** PENDING or PAID. */
    public String getStatus() {
        return status;
    }

    /** Sets the status. */
    public void setStatus(String status) {
        this.status = status;
    }
}
