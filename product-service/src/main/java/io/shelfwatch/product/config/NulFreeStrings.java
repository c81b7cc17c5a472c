package io.shelfwatch.product.config;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * PostgreSQL cannot store U+0000 in text or jsonb, so a JSON string (or object key) holding it is
 * refused where it is read: the JsonMappingException names the field, and the REST layer answers it
 * as invalid input at that field instead of failing later in the database.
 */
@Singleton
public class NulFreeStrings implements ObjectMapperCustomizer {

    static final String MESSAGE = "a string must not contain the NUL character (\\u0000)";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("nul-free-strings")
                .addDeserializer(String.class, new Values())
                .addKeyDeserializer(String.class, new Keys()));
    }

    private static final class Values extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw JsonMappingException.from(parser, MESSAGE);
            }
            return value;
        }
    }

    private static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (key.indexOf('\u0000') >= 0) {
                throw JsonMappingException.from(context, MESSAGE);
            }
            return key;
        }
    }
}
