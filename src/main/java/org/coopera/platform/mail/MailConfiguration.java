package org.coopera.platform.mail;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The SMTP client, when {@code COOPERA_MAIL_HOST} names a server, and the outbox's scheduled
 * sender.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

  @Bean
  @ConditionalOnExpression("'${coopera.mail.host:}'.trim() != ''")
  JavaMailSender smtpServer(MailProperties properties) {
    JavaMailSenderImpl smtp = new JavaMailSenderImpl();
    smtp.setHost(properties.host().strip());
    smtp.setPort(properties.port());
    smtp.setDefaultEncoding(StandardCharsets.UTF_8.name());
    if (properties.username() != null && !properties.username().isBlank()) {
      smtp.setUsername(properties.username());
      smtp.setPassword(properties.password());
    }
    Properties javaMail = smtp.getJavaMailProperties();
    javaMail.put("mail.smtp.auth", String.valueOf(smtp.getUsername() != null));
    javaMail.put("mail.smtp.starttls.enable", String.valueOf(properties.startTls()));
    javaMail.put("mail.smtp.connectiontimeout", "10000");
    javaMail.put("mail.smtp.timeout", "20000");
    javaMail.put("mail.smtp.writetimeout", "20000");
    return smtp;
  }
}
