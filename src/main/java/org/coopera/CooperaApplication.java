package org.coopera;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Coopera: technical cooperation and capacity-building in human rights. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CooperaApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(CooperaApplication.class);
    List<String> arguments = new ArrayList<>(Arrays.asList(args));
    boolean command =
        arguments.contains("--coopera.generate.run=true")
            || arguments.stream().anyMatch(a -> a.startsWith("--coopera.backup.to="));
    if (command && arguments.stream().noneMatch(a -> a.startsWith("--server.port="))) {
      // The commands (the data generator, org.coopera.generator; the backup,
      // org.coopera.platform.backup) serve no page: a free port, so that they run beside a server
      // on the usual one.
      arguments.add("--server.port=0");
    }
    application.run(arguments.toArray(String[]::new));
  }
}
