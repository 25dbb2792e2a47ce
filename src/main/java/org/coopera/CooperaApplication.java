package org.coopera;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Coopera: technical cooperation and capacity-building in human rights. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CooperaApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(CooperaApplication.class);
    if (java.util.Arrays.asList(args).contains("--coopera.generate.run=true")) {
      // The data generator's command (org.coopera.generator) serves no page.
      application.setWebApplicationType(WebApplicationType.NONE);
    }
    application.run(args);
  }
}
