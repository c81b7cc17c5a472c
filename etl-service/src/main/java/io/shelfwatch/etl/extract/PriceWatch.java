package io.shelfwatch.etl.extract;

import java.math.BigDecimal;
import java.math.MathContext;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Holds back implausible prices: 0 always; a jump of {@code implausibleFactor}× (up or down)
 * from the last published price until the next fetch sees the same value again. A page error
 * or a parser mistake then never reaches history, alerts or the user.
 */
@ApplicationScoped
public class PriceWatch {

    /** Why a price is held back; null when it may be published. */
    public record Verdict(String quarantineReason) {
        public boolean publish() {
            return quarantineReason == null;
        }
    }

    private static final Verdict PUBLISH = new Verdict(null);

    private final Pool pool;
    private final double factor;

    public PriceWatch(Pool pool, ExtractConfig config) {
        this.pool = pool;
        this.factor = config.implausibleFactor();
    }

    public Uni<Verdict> judge(String productKey, BigDecimal price) {
        if (price == null) {
            return Uni.createFrom().item(PUBLISH);
        }
        if (price.signum() == 0) {
            return Uni.createFrom().item(new Verdict("price 0 is implausible"));
        }
        return pool.preparedQuery("SELECT last_price, suspect_price FROM extract_price_watch WHERE product_key = $1")
                .execute(Tuple.of(productKey)).flatMap(rows -> verdict(productKey, price, rows));
    }

    private Uni<Verdict> verdict(String productKey, BigDecimal price, RowSet<Row> rows) {
        Row row = rows.iterator().hasNext() ? rows.iterator().next() : null;
        BigDecimal last = row == null ? null : row.getBigDecimal(0);
        BigDecimal suspect = row == null ? null : row.getBigDecimal(1);
        if (last == null || last.signum() == 0 || !jump(last, price)) {
            return Uni.createFrom().item(PUBLISH);
        }
        if (suspect != null && close(suspect, price)) {
            return Uni.createFrom().item(PUBLISH);
        }
        String reason = "price " + price.toPlainString() + " is more than " + (int) factor + "x away from the last price "
                + last.toPlainString() + "; held until the next fetch confirms it";
        return pool.preparedQuery("""
                INSERT INTO extract_price_watch (product_key, suspect_price, suspect_at) VALUES ($1, $2, now())
                ON CONFLICT (product_key) DO UPDATE SET suspect_price = EXCLUDED.suspect_price, suspect_at = now()
                """).execute(Tuple.of(productKey, price)).replaceWith(new Verdict(reason));
    }

    /** The price that went out: the base the next fetch is compared with. */
    public Uni<Void> published(String productKey, BigDecimal price) {
        if (price == null) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("""
                INSERT INTO extract_price_watch (product_key, last_price) VALUES ($1, $2)
                ON CONFLICT (product_key) DO UPDATE SET last_price = EXCLUDED.last_price, suspect_price = NULL,
                    suspect_at = NULL
                """).execute(Tuple.of(productKey, price)).replaceWithVoid();
    }

    private boolean jump(BigDecimal last, BigDecimal price) {
        double ratio = price.divide(last, MathContext.DECIMAL64).doubleValue();
        return ratio >= factor || ratio <= 1 / factor;
    }

    /** The same value again, allowing for rounding (1%). */
    private static boolean close(BigDecimal a, BigDecimal b) {
        return a.subtract(b).abs().compareTo(a.abs().multiply(new BigDecimal("0.01"))) <= 0;
    }
}
