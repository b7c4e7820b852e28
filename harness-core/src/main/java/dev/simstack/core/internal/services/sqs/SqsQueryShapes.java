package dev.simstack.core.internal.services.sqs;

import dev.simstack.core.internal.protocol.QueryShapes;
import dev.simstack.core.internal.protocol.QueryShapes.Rule;

/**
 * How SQS's Query protocol (API version 2012-11-05) names its lists and maps, from the service model's
 * {@code locationName} and {@code flattened} traits: every list and map of SQS is flattened, so
 * {@code AttributeNames} travels as {@code AttributeName.1}, {@code Attributes} as
 * {@code Attribute.1.Name/Value}, and the batch results as one {@code <...ResultEntry>} element each.
 */
public final class SqsQueryShapes {

    /** The namespace of SQS's XML answers. */
    public static final String XML_NAMESPACE = "http://queue.amazonaws.com/doc/2012-11-05/";

    // The SQS Developer Guide's Query examples post to the queue URL itself, without a QueueUrl parameter.
    public static final QueryShapes SHAPES = inputs(outputs(QueryShapes.builder(XML_NAMESPACE)))
            .pathMember("QueueUrl").build();

    private SqsQueryShapes() {
    }

    private static QueryShapes.Builder inputs(QueryShapes.Builder shapes) {
        return shapes
                .input("Attribute", Rule.map("Attributes", "Name", "Value"))
                .input("AttributeName", Rule.list("AttributeNames"))
                .input("MessageSystemAttributeName", Rule.list("MessageSystemAttributeNames"))
                .input("MessageAttributeName", Rule.list("MessageAttributeNames"))
                .input("MessageAttribute", Rule.map("MessageAttributes", "Name", "Value"))
                .input("MessageSystemAttribute", Rule.map("MessageSystemAttributes", "Name", "Value"))
                .input("StringListValue", Rule.list("StringListValues"))
                .input("BinaryListValue", Rule.list("BinaryListValues"))
                // CreateQueue's member is spelled "tags" in the model; TagQueue's "Tags". Both travel as Tag.N.
                .input("CreateQueue", "Tag", Rule.map("tags", "Key", "Value"))
                .input("TagQueue", "Tag", Rule.map("Tags", "Key", "Value"))
                // Older botocore models lacked the locationName and sent Tags.N.Key / TagKeys.N.
                .input("TagQueue", "Tags", Rule.map("Tags", "Key", "Value"))
                .input("UntagQueue", "TagKey", Rule.list("TagKeys"))
                .input("UntagQueue", "TagKeys", Rule.list("TagKeys"))
                .input("SendMessageBatch", "SendMessageBatchRequestEntry", Rule.list("Entries"))
                .input("DeleteMessageBatch", "DeleteMessageBatchRequestEntry", Rule.list("Entries"))
                .input("ChangeMessageVisibilityBatch", "ChangeMessageVisibilityBatchRequestEntry",
                        Rule.list("Entries"))
                .input("AddPermission", "AWSAccountId", Rule.list("AWSAccountIds"))
                .input("AddPermission", "ActionName", Rule.list("Actions"));
    }

    private static QueryShapes.Builder outputs(QueryShapes.Builder shapes) {
        return shapes
                .output("Attributes", Rule.map("Attribute", "Name", "Value"))
                .output("MessageAttributes", Rule.map("MessageAttribute", "Name", "Value"))
                .output("Messages", Rule.list("Message"))
                .output("QueueUrls", Rule.list("QueueUrl"))
                .output("queueUrls", Rule.list("QueueUrl"))
                .output("Tags", Rule.map("Tag", "Key", "Value"))
                .output("StringListValues", Rule.list("StringListValue"))
                .output("BinaryListValues", Rule.list("BinaryListValue"))
                .output("Failed", Rule.list("BatchResultErrorEntry"))
                .output("SendMessageBatch", "Successful", Rule.list("SendMessageBatchResultEntry"))
                .output("DeleteMessageBatch", "Successful", Rule.list("DeleteMessageBatchResultEntry"))
                .output("ChangeMessageVisibilityBatch", "Successful",
                        Rule.list("ChangeMessageVisibilityBatchResultEntry"))
                .output("ListMessageMoveTasks", "Results", Rule.list("ListMessageMoveTasksResultEntry"));
    }
}
