import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics listed in topics.txt (and a 1-partition {@code <topic>.dlq} for each)
 * when they are missing, in one Admin call; on topics that exist, sets the listed configs
 * when they differ. Run by infra-up.sh as a JDK 17 single-file program:
 *
 * <pre>java -cp '&lt;kafka libs&gt;/*' CreateTopics.java &lt;bootstrap&gt; &lt;topics.txt&gt; [prefix]</pre>
 */
public class CreateTopics {

    record Spec(String name, int partitions, Map<String, String> configs) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CreateTopics <bootstrap-servers> <topics.txt> [prefix]");
            System.exit(2);
        }
        String bootstrap = args[0];
        String prefix = args.length > 2 ? args[2] : "";
        List<Spec> specs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+");
            Map<String, String> configs = new LinkedHashMap<>();
            for (int i = 2; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                configs.put(kv[0], kv[1]);
            }
            specs.add(new Spec(prefix + parts[0], Integer.parseInt(parts[1]), configs));
            specs.add(new Spec(prefix + parts[0] + ".dlq", 1, Map.of()));
        }

        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "shelfwatch-infra-up");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            List<Spec> present = new ArrayList<>();
            for (Spec s : specs) {
                if (existing.contains(s.name())) {
                    present.add(s);
                } else {
                    missing.add(new NewTopic(s.name(), s.partitions(), (short) 1).configs(s.configs()));
                }
            }
            List<String> created = new ArrayList<>();
            if (!missing.isEmpty()) {
                Map<String, ? extends org.apache.kafka.common.KafkaFuture<Void>> results =
                        admin.createTopics(missing).values();
                for (var e : results.entrySet()) {
                    try {
                        e.getValue().get(60, TimeUnit.SECONDS);
                        created.add(e.getKey());
                    } catch (ExecutionException ex) {
                        if (!(ex.getCause() instanceof TopicExistsException)) {
                            throw ex;
                        }
                    }
                }
            }
            java.util.Collections.sort(created);
            List<String> altered = reconcile(admin, present);
            System.out.printf("kafka topics: %d created, %d already there%s%s%n",
                    created.size(), specs.size() - created.size(),
                    created.isEmpty() ? "" : " (created: " + String.join(" ", created) + ")",
                    altered.isEmpty() ? "" : "; configs set on: " + String.join(" ", altered));
        }
    }

    /** Sets the listed configs on existing topics where they differ; warns about too few partitions. */
    private static List<String> reconcile(Admin admin, List<Spec> present) throws Exception {
        List<String> altered = new ArrayList<>();
        if (present.isEmpty()) {
            return altered;
        }
        Collection<String> names = present.stream().map(Spec::name).toList();
        Map<String, TopicDescription> descriptions =
                admin.describeTopics(names).allTopicNames().get(60, TimeUnit.SECONDS);
        List<ConfigResource> resources = new ArrayList<>();
        for (Spec s : present) {
            int have = descriptions.get(s.name()).partitions().size();
            if (have < s.partitions()) {
                System.err.printf("WARNING: topic %s has %d partitions, %d wanted (left as is)%n",
                        s.name(), have, s.partitions());
            }
            if (!s.configs().isEmpty()) {
                resources.add(new ConfigResource(ConfigResource.Type.TOPIC, s.name()));
            }
        }
        if (resources.isEmpty()) {
            return altered;
        }
        Map<ConfigResource, Config> current = admin.describeConfigs(resources).all().get(60, TimeUnit.SECONDS);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (Spec s : present) {
            ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, s.name());
            Config config = current.get(r);
            if (config == null) {
                continue;
            }
            List<AlterConfigOp> ops = new ArrayList<>();
            s.configs().forEach((k, v) -> {
                ConfigEntry entry = config.get(k);
                if (entry == null || !v.equals(entry.value())) {
                    ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET));
                }
            });
            if (!ops.isEmpty()) {
                changes.put(r, ops);
                altered.add(s.name());
            }
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(60, TimeUnit.SECONDS);
        }
        return altered;
    }
}
