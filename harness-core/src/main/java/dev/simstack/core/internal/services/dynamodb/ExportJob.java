package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One ExportTableToPointInTime, finished when it is recorded: its files are written (COMPLETED) or the write
 * failed (FAILED, with S3's reason as its failure code).
 *
 * @param manifest the key of {@code manifest-summary.json}, or null when the export failed
 * @param failureCode null unless FAILED
 */
record ExportJob(String arn, String tableArn, String tableId, String region, String clientToken, JsonNode request,
        Instant startTime, Instant exportTime, Instant endTime, String bucket, String bucketOwner, String prefix,
        String sseAlgorithm, String manifest, long itemCount, long billedSizeBytes, String failureCode,
        String failureMessage) implements TransferJobs.Job {

    String status() {
        return failureCode == null ? "COMPLETED" : "FAILED";
    }

    /** DescribeExport's ExportDescription; {@code started} answers as ExportTableToPointInTime does, IN_PROGRESS. */
    ObjectNode describe(boolean started) {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("ExportArn", arn)
                .put("ExportStatus", started ? "IN_PROGRESS" : status())
                .put("StartTime", TableDescriptions.epochSeconds(startTime))
                .put("TableArn", tableArn)
                .put("TableId", tableId)
                .put("ExportTime", TableDescriptions.epochSeconds(exportTime))
                .put("S3Bucket", bucket)
                .put("S3SseAlgorithm", sseAlgorithm)
                .put("ExportFormat", "DYNAMODB_JSON")
                .put("ExportType", "FULL_EXPORT");
        putIfPresent(node, "ClientToken", clientToken);
        putIfPresent(node, "S3BucketOwner", bucketOwner);
        putIfPresent(node, "S3Prefix", prefix);
        if (started) {
            return node;
        }
        node.put("EndTime", TableDescriptions.epochSeconds(endTime));
        if (failureCode != null) {
            return node.put("FailureCode", failureCode).put("FailureMessage", failureMessage);
        }
        return node.put("ExportManifest", manifest).put("ItemCount", itemCount)
                .put("BilledSizeBytes", billedSizeBytes);
    }

    /** ListExports' ExportSummary. */
    ObjectNode summary() {
        return JsonNodeFactory.instance.objectNode().put("ExportArn", arn).put("ExportStatus", status())
                .put("ExportType", "FULL_EXPORT");
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
