package io.shelfwatch.etl.extract;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

/** The system resolver; a lookup blocks, so it runs on a worker thread. */
@ApplicationScoped
@DefaultBean
public class DnsHostResolver implements HostResolver {

    @Override
    public Uni<List<InetAddress>> resolve(String host) {
        return Uni.createFrom().item(() -> {
            try {
                return List.of(InetAddress.getAllByName(host));
            } catch (UnknownHostException e) {
                throw new FetchException(FetchException.Kind.FAILED, "host " + host + " does not resolve");
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
