package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What a DynamoDB stream record carries of the item it reports, as {@code StreamSpecification} says. */
@API(status = EXPERIMENTAL, since = "0.2")
public enum StreamViewType {
    /** The item as it is after the write. */
    NEW_IMAGE,
    /** The item as it was before the write. */
    OLD_IMAGE,
    /** Both, the usual choice for consumers and what global tables need. */
    NEW_AND_OLD_IMAGES,
    /** Only the key attributes. */
    KEYS_ONLY
}
