package dev.simstack.core.internal.services.dynamodb.streams;

import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import java.time.Instant;

/**
 * One change of one item in a table's stream, as DynamoDB Streams records it.
 *
 * @param sequenceNumber increasing within the stream, as a decimal string like AWS's
 * @param eventName INSERT, MODIFY or REMOVE
 * @param keys the item's key attributes
 * @param newImage the item after the change, if the view type keeps it (else null)
 * @param oldImage the item before the change, if the view type keeps it (else null)
 * @param sizeBytes the record's size by the item size formula
 * @param byTimeToLive true for a deletion made by Time to Live (AWS marks these with a service identity)
 */
public record StreamRecord(String sequenceNumber, String eventName, Instant approximateCreationDateTime,
        AttributeMap keys, AttributeMap newImage, AttributeMap oldImage, String streamViewType, long sizeBytes,
        boolean byTimeToLive, String eventId) {
}
