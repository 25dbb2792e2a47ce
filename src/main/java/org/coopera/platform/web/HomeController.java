package org.coopera.platform.web;

import java.util.Comparator;
import java.util.List;
import org.coopera.platform.HomeFigure;
import org.coopera.platform.HomeFigures;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page: what Coopera is, and live figures from every module. */
@Controller
class HomeController {

  private final List<HomeFigures> contributors;

  HomeController(List<HomeFigures> contributors) {
    this.contributors = contributors;
  }

  @GetMapping("/")
  String home(Model model) {
    List<HomeFigure> figures =
        contributors.stream()
            .flatMap(c -> c.figures().stream())
            .sorted(Comparator.comparingInt(HomeFigure::order))
            .toList();
    model.addAttribute("figures", figures);
    return "home/index";
  }
}
