package io.shelfwatch.etl.extract;

import java.net.InetAddress;
import java.util.List;

import io.smallrye.mutiny.Uni;

/** Resolves a host name to its addresses; tests inject their own instead of depending on real DNS. */
public interface HostResolver {

    Uni<List<InetAddress>> resolve(String host);
}
