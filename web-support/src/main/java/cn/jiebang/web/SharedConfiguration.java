package cn.jiebang.web;

import io.micronaut.context.env.ActiveEnvironment;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.io.ResourceLoader;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Loads {@code web-support.yml}, the settings every service shares, wherever Micronaut looks for
 * {@code application.yml} and just below it: a service's own {@code application.yml}, the environment
 * and test properties still override it. Registered as a {@code PropertySourceLoader} service; it reads
 * no other file, so {@code micronaut.config.files} stays with Micronaut's own YAML loader.
 */
public final class SharedConfiguration extends YamlPropertySourceLoader {

    static final String NAME = "web-support";
    static final String FILE = NAME + ".yml";

    @Override
    public Optional<PropertySource> load(String resourceName, ResourceLoader resourceLoader) {
        if (!Environment.DEFAULT_NAME.equals(resourceName)) {
            return Optional.empty();
        }
        return resourceLoader.getResourceAsStream(FILE).map(input -> {
            try (input) {
                return createPropertySource(NAME, read(NAME, input), getOrder());
            } catch (IOException e) {
                throw new ConfigurationException("cannot read " + FILE + ": " + e.getMessage(), e);
            }
        });
    }

    @Override
    public Optional<PropertySource> loadEnv(String resourceName, ResourceLoader resourceLoader,
                                            ActiveEnvironment activeEnvironment) {
        return Optional.empty();
    }

    @Override
    public Set<String> getExtensions() {
        return Set.of();
    }

    @Override
    public int getOrder() {
        return DEFAULT_POSITION - 1;
    }
}
