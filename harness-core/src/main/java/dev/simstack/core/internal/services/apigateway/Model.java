package dev.simstack.core.internal.services.apigateway;

/**
 * A model of a REST API (CreateModel): a JSON Schema draft 4 document for one content type, which method
 * requests and responses name by {@code name}.
 *
 * @param id the model's id
 * @param name alphanumeric, unique in the API
 * @param description the description, or null
 * @param schema the schema as the user wrote it (text)
 * @param contentType the content type it describes, {@code application/json} for the default models
 */
record Model(String id, String name, String description, String schema, String contentType) {

    /** The same model with another schema and description (UpdateModel). */
    Model with(String nextSchema, String nextDescription) {
        return new Model(id, name, nextDescription, nextSchema, contentType);
    }
}
