package dev.simstack.core.internal.services.iam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;

/** One IAM operation: reads its input, acts on the store, answers in the JSON shape the Query codec writes. */
@FunctionalInterface
interface IamOperation {

    JsonNode invoke(DecodedCall call, Input input);
}
