package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.RestOutput;

/** One S3 operation: reads the call, changes state, answers headers and a document or body. */
@FunctionalInterface
interface S3Operation {
    RestOutput invoke(S3Call call);
}
