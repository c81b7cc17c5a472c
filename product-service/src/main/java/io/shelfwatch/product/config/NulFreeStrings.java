package io.shelfwatch.product.config;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Every JSON string this service reads (request bodies, consumed records) is refused when it holds
 * U+0000: valid JSON, but PostgreSQL cannot store it in text. Refused while reading, the
 * JsonMappingException names the field, so a client gets a 422 at that field
 * (ErrorMappers.unreadableJson) instead of a failed write, and a record goes to its DLQ as unreadable.
 */
@Singleton
public class NulFreeStrings implements ObjectMapperCustomizer {

    static final String MESSAGE = "a string must not contain the NUL character (\\u0000)";

    @Override
    public void customize(ObjectMapper json) {
        json.registerModule(new SimpleModule("nul-free-strings").addDeserializer(String.class, new Deserializer()));
    }

    /** Jackson's own String deserializer (with its coercions), plus the NUL check. */
    static final class Deserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw JsonMappingException.from(parser, MESSAGE);
            }
            return value;
        }
    }
}
