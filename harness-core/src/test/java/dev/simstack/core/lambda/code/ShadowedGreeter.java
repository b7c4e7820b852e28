package dev.simstack.core.lambda.code;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** On the test class path; an uploaded package holds a class of the same name that answers otherwise. */
public class ShadowedGreeter implements RequestHandler<String, String> {

    @Override
    public String handleRequest(String input, Context context) {
        return "from the class path";
    }
}
