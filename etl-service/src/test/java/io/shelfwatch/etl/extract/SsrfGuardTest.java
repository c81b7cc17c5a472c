package io.shelfwatch.etl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** The SSRF rules with an injected resolver: nothing reaches a forbidden address, however it is written. */
class SsrfGuardTest {

    private final List<String> lookedUp = new ArrayList<>();

    private final HostResolver resolver = host -> {
        lookedUp.add(host);
        Map<String, String[]> dns = Map.of(
                "shop.example.com", new String[] { "93.184.216.34" },
                "innocent-shop.com", new String[] { "127.0.0.1" },
                "mixed.example.com", new String[] { "93.184.216.34", "10.1.2.3" },
                "metadata.example.com", new String[] { "169.254.169.254" },
                "v6.example.com", new String[] { "::1" },
                "pages.test", new String[] { "127.0.0.1" });
        String[] answer = dns.get(host);
        if (answer == null) {
            return Uni.createFrom().failure(new FetchException(FetchException.Kind.FAILED, "host " + host + " does not resolve"));
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (String a : answer) {
            try {
                addresses.add(InetAddress.getByName(a));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return Uni.createFrom().item(addresses);
    };

    private final UrlGuard guard = new UrlGuard(resolver, List.of("pages.test"));

    private FetchException refusal(String url) {
        FetchException e = assertThrows(FetchException.class, () -> guard.check(UrlGuard.parse(url)).await().indefinitely(),
                url + " must not be fetched");
        assertTrue(e.refused(), url + " is refused, not merely failed: " + e.getMessage());
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1/", "http://10.0.0.5/admin", "http://172.16.3.4/", "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/", "http://100.100.100.200/latest/meta-data",
        "http://0.0.0.0:8080/", "http://224.0.0.251/", "http://255.255.255.255/",
        // the same addresses in other spellings
        "http://2130706433/", "http://0177.0.0.1/", "http://0x7f.0.0.1/", "http://0x7f000001/", "http://127.1/",
        "http://017700000001/", "http://2852039166/", "http://0xa9fea9fe/", "http://127.0.0.1./",
        // IPv6, mapped and tunnelled forms
        "http://[::1]/", "http://[::]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/",
        "http://[::ffff:a9fe:a9fe]/", "http://[0:0:0:0:0:ffff:169.254.169.254]/", "http://[fe80::1]/",
        "http://[fd00:ec2::254]/", "http://[fc00::1]/", "http://[ff02::1]/", "http://[64:ff9b::a9fe:a9fe]/",
        "http://[2002:7f00:1::]/", "http://[::127.0.0.1]/",
        // names that resolve to forbidden addresses
        "http://innocent-shop.com/product/1", "http://mixed.example.com/", "http://metadata.example.com/",
        "http://v6.example.com/",
        // not http(s), or credentials in the URL
        "file:///etc/passwd", "ftp://shop.example.com/", "gopher://shop.example.com/", "jar:http://shop.example.com!/",
        "http://user:secret@shop.example.com/"
    })
    void forbiddenTargetsAreRefused(String url) {
        refusal(url);
    }

    @Test
    void numericSpellingsAreReadAsBrowsersReadThem() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        assertEquals(loopback, AddressPolicy.literal("2130706433").orElseThrow());
        assertEquals(loopback, AddressPolicy.literal("0177.0.0.1").orElseThrow());
        assertEquals(loopback, AddressPolicy.literal("0x7f.1").orElseThrow());
        assertEquals(loopback, AddressPolicy.literal("127.1").orElseThrow());
        assertEquals(InetAddress.getByName("169.254.169.254"), AddressPolicy.literal("0251.0376.0251.0376").orElseThrow());
        assertTrue(AddressPolicy.literal("shop.example.com").isEmpty(), "a name is resolved, not parsed");
    }

    @Test
    void aNameResolvingToLoopbackIsRefusedWithTheReason() {
        FetchException e = refusal("http://innocent-shop.com/product/1");
        assertTrue(e.getMessage().contains("loopback"), e.getMessage());
    }

    @Test
    void literalAddressesAreNeverLookedUp() {
        refusal("http://0177.0.0.1/");
        refusal("http://[::ffff:127.0.0.1]/");
        assertTrue(lookedUp.isEmpty(), "looked up: " + lookedUp);
    }

    @Test
    void aPublicHostIsClearedAndPinnedToTheAddressItResolvedTo() throws Exception {
        UrlGuard.Target target = guard.check(UrlGuard.parse("https://shop.example.com/products/mug?variant=2"))
                .await().indefinitely();
        assertEquals(InetAddress.getByName("93.184.216.34"), target.address());
        assertEquals("shop.example.com", target.host());
        assertEquals(443, target.port());
        assertEquals("/products/mug?variant=2", target.pathAndQuery());
        assertEquals(List.of("shop.example.com"), lookedUp, "resolved once");
    }

    @Test
    void anAllowedPrivateHostIsCleared() throws Exception {
        UrlGuard.Target target = guard.check(UrlGuard.parse("http://pages.test:8089/p/1")).await().indefinitely();
        assertEquals(InetAddress.getByName("127.0.0.1"), target.address());
        UrlGuard wildcard = new UrlGuard(resolver, List.of("*.test"));
        wildcard.check(UrlGuard.parse("http://pages.test/")).await().indefinitely();
        FetchException outside = assertThrows(FetchException.class,
                () -> wildcard.check(UrlGuard.parse("http://innocent-shop.com/")).await().indefinitely());
        assertTrue(outside.refused(), "only names under the allowed domain may be private");
    }
}
