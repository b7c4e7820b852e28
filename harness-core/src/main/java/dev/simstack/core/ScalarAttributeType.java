package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The type of a DynamoDB key attribute, as CreateTable's {@code AttributeDefinitions} name it: every key
 * attribute of a table or index is a string, a number or a binary.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public enum ScalarAttributeType {
    /** A string key ({@code S}), the default of {@link TableSpec} and {@link IndexSpec}. */
    S,
    /** A number key ({@code N}), ordered numerically in a sort key. */
    N,
    /** A binary key ({@code B}), ordered byte by byte in a sort key. */
    B
}
