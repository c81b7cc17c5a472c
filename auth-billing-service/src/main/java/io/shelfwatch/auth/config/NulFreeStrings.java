package io.shelfwatch.auth.config;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * PostgreSQL cannot store U+0000 in `text`, so a JSON string holding it would fail deep in a query
 * as a 500. Refusing it while reading makes it invalid input at its own field (`422 loc ["body",
 * field…]` through rest/ErrorMappers), before anything is looked up or written; a consumed record
 * holding one goes to its DLQ as unreadable.
 */
@Singleton
public class NulFreeStrings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("nul-free-strings").addDeserializer(String.class, new Refusing()));
    }

    static final class Refusing extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                // The value stays out of the message: it may be a password.
                throw MismatchedInputException.from(parser, String.class, "string contains the NUL character");
            }
            return value;
        }
    }
}
