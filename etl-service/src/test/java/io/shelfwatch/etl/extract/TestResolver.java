package io.shelfwatch.etl.extract;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * DNS for the tests (replaces the system resolver): every `*.test` name is WireMock on 127.0.0.1;
 * a few public-looking names point where an attacker would point them.
 */
@ApplicationScoped
public class TestResolver implements HostResolver {

    private static final Map<String, String> NAMES = Map.of(
            "innocent-shop.com", "127.0.0.1",
            "metadata.example.com", "169.254.169.254");

    @Override
    public Uni<List<InetAddress>> resolve(String host) {
        String address = host.endsWith(".test") ? "127.0.0.1" : NAMES.get(host);
        if (address == null) {
            return Uni.createFrom().failure(new FetchException(FetchException.Kind.FAILED, "host " + host + " does not resolve"));
        }
        try {
            return Uni.createFrom().item(List.of(InetAddress.getByName(address)));
        } catch (UnknownHostException e) {
            return Uni.createFrom().failure(e);
        }
    }
}
