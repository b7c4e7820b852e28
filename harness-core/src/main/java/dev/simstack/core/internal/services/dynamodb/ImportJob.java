package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One ImportTable, finished when it is recorded: its table created and filled (COMPLETED), or not started
 * because its source cannot be read (FAILED, no table).
 *
 * @param request the request without its ClientToken; its source, format and table parameters are echoed
 * @param failureCode null unless FAILED
 */
record ImportJob(String arn, String tableArn, String tableId, String region, String clientToken, JsonNode request,
        Instant startTime, Instant endTime, ImportCounts counts, String failureCode, String failureMessage)
        implements TransferJobs.Job {

    /** What an import read: bytes, lines (items) read, items written, lines refused. */
    record ImportCounts(long processedSizeBytes, long processedItemCount, long importedItemCount, long errorCount) {

        static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0);
    }

    String status() {
        return failureCode == null ? "COMPLETED" : "FAILED";
    }

    /** DescribeImport's ImportTableDescription; {@code started} answers as ImportTable does, IN_PROGRESS. */
    ObjectNode describe(boolean started) {
        ObjectNode node = summary(started);
        node.put("TableId", tableId);
        if (clientToken != null) {
            node.put("ClientToken", clientToken);
        }
        copy(node, "InputFormatOptions");
        node.put("InputCompressionType", request.path("InputCompressionType").asText("NONE"));
        copy(node, "TableCreationParameters");
        if (started) {
            return node;
        }
        node.put("ProcessedSizeBytes", counts.processedSizeBytes())
                .put("ProcessedItemCount", counts.processedItemCount())
                .put("ImportedItemCount", counts.importedItemCount())
                .put("ErrorCount", counts.errorCount());
        if (failureCode != null) {
            node.put("FailureCode", failureCode).put("FailureMessage", failureMessage);
        }
        return node;
    }

    /** ListImports' ImportSummary (DescribeImport's answer starts with the same members). */
    ObjectNode summary(boolean started) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("ImportArn", arn)
                .put("ImportStatus", started ? "IN_PROGRESS" : status()).put("TableArn", tableArn);
        copy(node, "S3BucketSource");
        node.put("InputFormat", request.path("InputFormat").asText());
        node.put("StartTime", TableDescriptions.epochSeconds(startTime));
        if (!started) {
            node.put("EndTime", TableDescriptions.epochSeconds(endTime));
        }
        return node;
    }

    private void copy(ObjectNode node, String member) {
        if (request.has(member)) {
            node.set(member, request.get(member).deepCopy());
        }
    }
}
