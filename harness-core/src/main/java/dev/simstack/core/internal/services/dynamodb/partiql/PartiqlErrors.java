package dev.simstack.core.internal.services.dynamodb.partiql;

import dev.simstack.core.AwsException;
import dev.simstack.core.internal.services.dynamodb.DynamoDbErrors;

/** The errors of DynamoDB's PartiQL front end, in AWS's words where AWS's are known. */
public final class PartiqlErrors {

    /** The envelope of every error AWS's PartiQL parser answers. */
    static final String NOT_WELL_FORMED = "Statement wasn't well formed, can't be processed: ";

    /** UPDATE, DELETE and the reads of batches and transactions must name the whole primary key. */
    public static final String KEY_EQUALITY =
            "Where clause does not contain a mandatory equality on all key attributes";

    /** AWS's message for an INSERT of a key that exists, alone or as a transaction's reason. */
    public static final String DUPLICATE_ITEM = "Duplicate primary key exists in table";

    private PartiqlErrors() {
    }

    static AwsException malformed(String detail) {
        return DynamoDbErrors.validation(NOT_WELL_FORMED + detail);
    }

    /** What the engine does not do (yet): named, so nobody mistakes it for AWS's answer. */
    public static AwsException unsupported(String what) {
        return DynamoDbErrors.validation("SimStack's engine does not support " + what
                + " in PartiQL statements (see docs/compatibility.md)");
    }

    /** An INSERT of an item that exists. */
    public static AwsException duplicateItem() {
        return new AwsException("DuplicateItemException", 400, DUPLICATE_ITEM);
    }
}
