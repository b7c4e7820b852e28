package dev.simstack.core.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Valid, SDK-shaped inputs for every SQS operation, in both protocols, for the fuzzer to mangle. They name only
 * the fuzz queues, never the canary queue whose messages must survive the run, and they never long-poll or
 * delete the fuzz queue itself (a fuzzed value may still ask for that, which is fine).
 */
final class SqsRequests {

    /** The 23 operations of the SQS API (AWS JSON 1.0 target {@code AmazonSQS.<name>}). */
    static final List<String> JSON_OPERATIONS = List.of("AddPermission", "CancelMessageMoveTask",
            "ChangeMessageVisibility", "ChangeMessageVisibilityBatch", "CreateQueue", "DeleteMessage",
            "DeleteMessageBatch", "DeleteQueue", "GetQueueAttributes", "GetQueueUrl", "ListDeadLetterSourceQueues",
            "ListMessageMoveTasks", "ListQueueTags", "ListQueues", "PurgeQueue", "ReceiveMessage", "RemovePermission",
            "SendMessage", "SendMessageBatch", "SetQueueAttributes", "StartMessageMoveTask", "TagQueue", "UntagQueue");

    static final List<String> QUERY_ACTIONS = List.of("SendMessage", "SendMessageBatch", "ReceiveMessage",
            "CreateQueue", "DeleteMessage", "DeleteMessageBatch", "ChangeMessageVisibility",
            "ChangeMessageVisibilityBatch", "GetQueueAttributes", "SetQueueAttributes", "GetQueueUrl", "ListQueues",
            "ListQueueTags", "TagQueue", "UntagQueue", "PurgeQueue", "DeleteQueue", "ListDeadLetterSourceQueues");

    static final String HANDLE = "AQEBfuzzReceiptHandle+/=";
    private static final String BLOB = Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, 3, (byte) 0xFE});

    private final ObjectMapper mapper;
    private final String standardUrl;
    private final String fifoUrl;
    private final String missingUrl;
    private final String standardArn;
    private final String fifoArn;

    SqsRequests(ObjectMapper mapper, String standardUrl, String fifoUrl, String missingUrl, String standardArn,
            String fifoArn) {
        this.mapper = mapper;
        this.standardUrl = standardUrl;
        this.fifoUrl = fifoUrl;
        this.missingUrl = missingUrl;
        this.standardArn = standardArn;
        this.fifoArn = fifoArn;
    }

    /** The URL a request names: mostly the standard fuzz queue, sometimes the FIFO one or one that is not there. */
    String url(int pick) {
        return switch (Math.floorMod(pick, 4)) {
            case 0, 1 -> standardUrl;
            case 2 -> fifoUrl;
            default -> missingUrl;
        };
    }

    ObjectNode json(String operation, int pick) {
        ObjectNode in = mapper.createObjectNode();
        String url = url(pick);
        switch (operation) {
            case "AddPermission" -> {
                in.put("QueueUrl", url).put("Label", "fuzz");
                in.putArray("AWSAccountIds").add("111122223333");
                in.putArray("Actions").add("SendMessage");
            }
            case "CancelMessageMoveTask" -> in.put("TaskHandle", "eyJ0YXNrSWQiOiJmdXp6In0=");
            case "ChangeMessageVisibility" -> in.put("QueueUrl", url).put("ReceiptHandle", HANDLE)
                    .put("VisibilityTimeout", 0);
            case "ChangeMessageVisibilityBatch" -> {
                in.put("QueueUrl", url);
                in.putArray("Entries").addObject().put("Id", "a").put("ReceiptHandle", HANDLE).put("VisibilityTimeout", 0);
            }
            case "CreateQueue" -> {
                in.put("QueueName", pick % 2 == 0 ? "fuzz-created" : "fuzz-created.fifo");
                ObjectNode attributes = in.putObject("Attributes").put("VisibilityTimeout", "5");
                if (pick % 2 != 0) {
                    attributes.put("FifoQueue", "true");
                }
                in.putObject("tags").put("k", "v");
            }
            case "DeleteMessage" -> in.put("QueueUrl", url).put("ReceiptHandle", HANDLE);
            case "DeleteMessageBatch" -> {
                in.put("QueueUrl", url);
                in.putArray("Entries").addObject().put("Id", "a").put("ReceiptHandle", HANDLE);
            }
            case "DeleteQueue" -> in.put("QueueUrl", missingUrl);
            case "GetQueueAttributes" -> {
                in.put("QueueUrl", url);
                in.putArray("AttributeNames").add("All");
            }
            case "GetQueueUrl" -> in.put("QueueName", "fuzz").put("QueueOwnerAWSAccountId", "000000000000");
            case "ListDeadLetterSourceQueues" -> in.put("QueueUrl", url).put("MaxResults", 10);
            case "ListMessageMoveTasks" -> in.put("SourceArn", standardArn).put("MaxResults", 10);
            case "ListQueueTags" -> in.put("QueueUrl", url);
            case "ListQueues" -> in.put("QueueNamePrefix", "fuzz").put("MaxResults", 100);
            case "PurgeQueue" -> in.put("QueueUrl", url);
            case "ReceiveMessage" -> {
                in.put("QueueUrl", url).put("MaxNumberOfMessages", 10).put("VisibilityTimeout", 0)
                        .put("WaitTimeSeconds", 0);
                in.putArray("AttributeNames").add("All");
                in.putArray("MessageSystemAttributeNames").add("All");
                in.putArray("MessageAttributeNames").add("All");
            }
            case "RemovePermission" -> in.put("QueueUrl", url).put("Label", "fuzz");
            case "SendMessage" -> sendEntry(in.put("QueueUrl", url), url.equals(fifoUrl), "s");
            case "SendMessageBatch" -> {
                in.put("QueueUrl", url);
                sendEntry(in.putArray("Entries").addObject().put("Id", "a"), url.equals(fifoUrl), "a");
            }
            case "SetQueueAttributes" -> in.put("QueueUrl", url).putObject("Attributes").put("DelaySeconds", "0")
                    .put("MaximumMessageSize", "262144");
            case "StartMessageMoveTask" -> in.put("SourceArn", standardArn).put("DestinationArn", fifoArn)
                    .put("MaxNumberOfMessagesPerSecond", 1);
            case "TagQueue" -> in.put("QueueUrl", url).putObject("Tags").put("k", "v");
            case "UntagQueue" -> {
                in.put("QueueUrl", url);
                in.putArray("TagKeys").add("k");
            }
            default -> throw new IllegalArgumentException(operation);
        }
        return in;
    }

    private static void sendEntry(ObjectNode entry, boolean fifo, String tag) {
        entry.put("MessageBody", "fuzz body " + tag).put("DelaySeconds", 0);
        ObjectNode attributes = entry.putObject("MessageAttributes");
        attributes.putObject("s").put("DataType", "String").put("StringValue", "v");
        attributes.putObject("n").put("DataType", "Number").put("StringValue", "42");
        attributes.putObject("b").put("DataType", "Binary").put("BinaryValue", BLOB);
        entry.putObject("MessageSystemAttributes").putObject("AWSTraceHeader").put("DataType", "String")
                .put("StringValue", "Root=1-5759e988-bd862e3fe1be46a994272793");
        if (fifo) {
            entry.put("MessageGroupId", "g").put("MessageDeduplicationId", "d-" + tag);
        }
    }

    /** Form parameters of a Query request, as name/value pairs in the order botocore writes them. */
    List<String[]> query(String action, int pick) {
        List<String[]> p = new ArrayList<>();
        p.add(new String[] {"Action", action});
        p.add(new String[] {"Version", "2012-11-05"});
        String url = url(pick);
        switch (action) {
            case "SendMessage" -> {
                p.add(new String[] {"QueueUrl", url});
                queryEntry(p, "", url.equals(fifoUrl));
            }
            case "SendMessageBatch" -> {
                p.add(new String[] {"QueueUrl", url});
                for (int i = 1; i <= 2; i++) {
                    p.add(new String[] {"SendMessageBatchRequestEntry." + i + ".Id", "e" + i});
                    queryEntry(p, "SendMessageBatchRequestEntry." + i + ".", url.equals(fifoUrl));
                }
            }
            case "ReceiveMessage" -> {
                p.add(new String[] {"QueueUrl", url});
                p.add(new String[] {"MaxNumberOfMessages", "10"});
                p.add(new String[] {"VisibilityTimeout", "0"});
                p.add(new String[] {"WaitTimeSeconds", "0"});
                p.add(new String[] {"AttributeName.1", "All"});
                p.add(new String[] {"MessageAttributeName.1", "All"});
            }
            case "CreateQueue" -> {
                p.add(new String[] {"QueueName", "fuzz-query-created"});
                p.add(new String[] {"Attribute.1.Name", "VisibilityTimeout"});
                p.add(new String[] {"Attribute.1.Value", "5"});
                p.add(new String[] {"Attribute.2.Name", "DelaySeconds"});
                p.add(new String[] {"Attribute.2.Value", "0"});
                p.add(new String[] {"Tag.1.Key", "k"});
                p.add(new String[] {"Tag.1.Value", "v"});
            }
            case "DeleteMessage" -> {
                p.add(new String[] {"QueueUrl", url});
                p.add(new String[] {"ReceiptHandle", HANDLE});
            }
            case "DeleteMessageBatch" -> {
                p.add(new String[] {"QueueUrl", url});
                p.add(new String[] {"DeleteMessageBatchRequestEntry.1.Id", "a"});
                p.add(new String[] {"DeleteMessageBatchRequestEntry.1.ReceiptHandle", HANDLE});
                p.add(new String[] {"DeleteMessageBatchRequestEntry.2.Id", "b"});
                p.add(new String[] {"DeleteMessageBatchRequestEntry.2.ReceiptHandle", HANDLE + "2"});
            }
            case "ChangeMessageVisibility" -> {
                p.add(new String[] {"QueueUrl", url});
                p.add(new String[] {"ReceiptHandle", HANDLE});
                p.add(new String[] {"VisibilityTimeout", "0"});
            }
            case "ChangeMessageVisibilityBatch" -> {
                p.add(new String[] {"QueueUrl", url});
                p.add(new String[] {"ChangeMessageVisibilityBatchRequestEntry.1.Id", "a"});
                p.add(new String[] {"ChangeMessageVisibilityBatchRequestEntry.1.ReceiptHandle", HANDLE});
                p.add(new String[] {"ChangeMessageVisibilityBatchRequestEntry.1.VisibilityTimeout", "0"});
            }
            case "GetQueueAttributes" -> {
                p.add(new String[] {"QueueUrl", url});
                p.add(new String[] {"AttributeName.1", "All"});
            }
            case "SetQueueAttributes" -> {
                p.add(new String[] {"QueueUrl", url});
                p.add(new String[] {"Attribute.1.Name", "DelaySeconds"});
                p.add(new String[] {"Attribute.1.Value", "0"});
            }
            case "GetQueueUrl" -> p.add(new String[] {"QueueName", "fuzz"});
            case "ListQueues" -> {
                p.add(new String[] {"QueueNamePrefix", "fuzz"});
                p.add(new String[] {"MaxResults", "100"});
            }
            case "ListQueueTags", "PurgeQueue", "ListDeadLetterSourceQueues" -> p.add(new String[] {"QueueUrl", url});
            case "TagQueue" -> {
                p.add(new String[] {"QueueUrl", url});
                p.add(new String[] {"Tag.1.Key", "k"});
                p.add(new String[] {"Tag.1.Value", "v"});
            }
            case "UntagQueue" -> {
                p.add(new String[] {"QueueUrl", url});
                p.add(new String[] {"TagKey.1", "k"});
            }
            case "DeleteQueue" -> p.add(new String[] {"QueueUrl", missingUrl});
            default -> throw new IllegalArgumentException(action);
        }
        return p;
    }

    private static void queryEntry(List<String[]> p, String prefix, boolean fifo) {
        p.add(new String[] {prefix + "MessageBody", "fuzz query body <&> é"});
        p.add(new String[] {prefix + "MessageAttribute.1.Name", "s"});
        p.add(new String[] {prefix + "MessageAttribute.1.Value.DataType", "String"});
        p.add(new String[] {prefix + "MessageAttribute.1.Value.StringValue", "v"});
        p.add(new String[] {prefix + "MessageAttribute.2.Name", "n"});
        p.add(new String[] {prefix + "MessageAttribute.2.Value.DataType", "Number"});
        p.add(new String[] {prefix + "MessageAttribute.2.Value.StringValue", "-1.5"});
        p.add(new String[] {prefix + "MessageAttribute.3.Name", "b"});
        p.add(new String[] {prefix + "MessageAttribute.3.Value.DataType", "Binary"});
        p.add(new String[] {prefix + "MessageAttribute.3.Value.BinaryValue", BLOB});
        if (fifo) {
            p.add(new String[] {prefix + "MessageGroupId", "g"});
            p.add(new String[] {prefix + "MessageDeduplicationId", "q-" + prefix.length()});
        }
    }
}
