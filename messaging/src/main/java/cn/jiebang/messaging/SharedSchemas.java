package cn.jiebang.messaging;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The tables that shared modules own, the outbox and inbox here and the audit trail in web-support, are
 * migrated from those modules' own locations, each with its own schema history table
 * ({@code flyway_schema_history_<name>}), right after the service's own migrations (ADR 0020):
 * {@code jiebang.schemas.shared.<name>: <location>}.
 *
 * <p>Until ADR 0020 every service created these tables in its own migrations, and those migrations now
 * hold only the service's tables. A database migrated before then records their old checksums; Flyway's
 * repair realigns them once, and only when every validation error is one of the checksums listed in
 * {@code jiebang.schemas.checksums-before-move.<version>}, so any other change to an applied migration
 * still stops the service.
 *
 * <p>This is the Flyway customizer of the default datasource, in place of Micronaut's default one, which
 * would add Flyway callbacks and Java migrations declared as beans: the services declare none.
 */
@Singleton
@Named("default")
final class SharedSchemas implements FlywayConfigurationCustomizer {

    private static final Logger LOG = LoggerFactory.getLogger(SharedSchemas.class);

    private final Map<String, String> locations;
    private final Map<String, Integer> checksumsBeforeMove;

    SharedSchemas(@Nullable @Property(name = "jiebang.schemas.shared")
                  @MapFormat(transformation = MapFormat.MapTransformation.FLAT) Map<String, String> locations,
                  @Nullable @Property(name = "jiebang.schemas.checksums-before-move")
                  @MapFormat(transformation = MapFormat.MapTransformation.FLAT) Map<String, Integer> checksumsBeforeMove) {
        this.locations = locations == null ? Map.of() : new TreeMap<>(locations);
        this.checksumsBeforeMove = checksumsBeforeMove == null ? Map.of() : Map.copyOf(checksumsBeforeMove);
        this.locations.keySet().forEach(SharedSchemas::requirePlainName);
    }

    @Override
    public String getName() {
        return "default";
    }

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        realignMovedMigrations(configuration);
        if (!locations.isEmpty()) {
            configuration.callbacks(new AfterServiceMigrations());
        }
    }

    static String historyTable(String name) {
        return "flyway_schema_history_" + name;
    }

    private void realignMovedMigrations(Configuration service) {
        if (checksumsBeforeMove.isEmpty()) {
            return;
        }
        // validated as migrate validates: a migration not applied yet is no error
        Flyway flyway = Flyway.configure(service.getClassLoader()).configuration(service)
                .ignoreMigrationPatterns("*:pending", "*:future").load();
        ValidateResult validation = flyway.validateWithResult();
        if (validation.validationSuccessful) {
            return;
        }
        Set<String> recordedBeforeMove = Arrays.stream(flyway.info().applied())
                .filter(m -> m.getVersion() != null)
                .filter(m -> Objects.equals(checksumsBeforeMove.get(m.getVersion().getVersion()), m.getChecksum()))
                .map(m -> m.getVersion().getVersion())
                .collect(Collectors.toCollection(TreeSet::new));
        if (!recordedBeforeMove.isEmpty()
                && validation.invalidMigrations.stream().allMatch(invalid -> recordedBeforeMove.contains(invalid.version))) {
            LOG.info("Realigning the schema history of migrations {}: the shared tables moved out of them (ADR 0020)",
                    recordedBeforeMove);
            flyway.repair();
        }
    }

    private void migrateShared(Configuration service) {
        locations.forEach((name, location) -> Flyway.configure(service.getClassLoader())
                .dataSource(service.getDataSource())
                .locations(location)
                .table(historyTable(name))
                // the schema always holds the service's tables by now; nothing of this location counts as
                // applied, and its first migration creates only what a database from before ADR 0020 lacks
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate());
    }

    private static void requirePlainName(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("jiebang.schemas.shared: not a plain lower-case name: " + name);
        }
    }

    private final class AfterServiceMigrations implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            migrateShared(context.getConfiguration());
        }

        @Override
        public String getCallbackName() {
            return "shared schemas";
        }
    }
}
