package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;

/**
 * What one item write did.
 *
 * @param before the item before the write, or null if there was none
 * @param after the item after it, or null if it was deleted (or never existed)
 */
public record ItemChange(AttributeMap before, AttributeMap after) {
}
