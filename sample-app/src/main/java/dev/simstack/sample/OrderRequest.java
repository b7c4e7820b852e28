package dev.simstack.sample;

import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * What a client asks for in {@code POST /orders}: {@code {"customerId":"c-1","amount":1999,"currency":"EUR"}},
 * the amount in the currency's minor unit (cents). {@link #parse} says what is wrong with a body it refuses.
 */
record OrderRequest(String customerId, long amount, String currency) {

    /** A request above this many minor units is refused: the sample's stand-in for a business limit. */
    static final long MAX_AMOUNT = 1_000_000;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** A body that is not a valid order; its message is the reason the API answers with 400. */
    static final class InvalidOrderException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidOrderException(String reason) {
            super(reason);
        }
    }

    /** The order in {@code body}, or an {@link InvalidOrderException} saying what is wrong with it. */
    static OrderRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidOrderException("the body is empty; send {\"customerId\":..., \"amount\":..., "
                    + "\"currency\":...}");
        }
        JsonNode json;
        try {
            json = JsonNode.parser().parse(body);
        } catch (RuntimeException e) {
            throw new InvalidOrderException("the body is not JSON");
        }
        if (!json.isObject()) {
            throw new InvalidOrderException("the body is not a JSON object");
        }
        Map<String, JsonNode> fields = json.asObject();
        String customerId = text(fields, "customerId");
        if (customerId.isBlank()) {
            throw new InvalidOrderException("customerId must not be blank");
        }
        String currency = text(fields, "currency");
        if (!CURRENCY.matcher(currency).matches()) {
            throw new InvalidOrderException("currency must be an ISO 4217 code such as EUR, got '" + currency + "'");
        }
        return new OrderRequest(customerId, amount(fields), currency);
    }

    private static String text(Map<String, JsonNode> fields, String name) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            throw new InvalidOrderException(name + " is missing");
        }
        if (!value.isString()) {
            throw new InvalidOrderException(name + " must be a string");
        }
        return value.asString();
    }

    private static long amount(Map<String, JsonNode> fields) {
        JsonNode value = fields.get("amount");
        if (value == null || value.isNull()) {
            throw new InvalidOrderException("amount is missing");
        }
        long amount;
        try {
            amount = value.isNumber() ? Long.parseLong(value.asNumber()) : -1;
        } catch (NumberFormatException fractional) {
            amount = -1;
        }
        if (amount <= 0 || amount > MAX_AMOUNT) {
            throw new InvalidOrderException("amount must be a whole number of cents from 1 to " + MAX_AMOUNT
                    + ", got " + (value.isNumber() ? value.asNumber() : value.text()));
        }
        return amount;
    }
}
