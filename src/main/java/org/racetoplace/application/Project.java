package org.racetoplace.application;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A project the candidate built. An entity rather than an embeddable like {@link Skill}, because
 * it owns a list of its own (technologies), which an element collection cannot hold.
 */
@Entity
@Table(name = "application_project")
public class Project {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "application_id", nullable = false)
  private Application application;

  @Column(name = "item_index", nullable = false)
  private int itemIndex;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(length = 500)
  private String url;

  @Column(length = 2000)
  private String description;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(
      name = "application_project_technology",
      joinColumns = @JoinColumn(name = "project_id"))
  @OrderColumn(name = "item_index")
  private List<ProjectTechnology> technologies = new ArrayList<>();

  protected Project() {}

  Project(
      Application application,
      int itemIndex,
      String name,
      String url,
      String description,
      List<ProjectTechnology> technologies) {
    this.application = application;
    this.itemIndex = itemIndex;
    this.name = name;
    this.url = url;
    this.description = description;
    this.technologies.addAll(technologies);
  }

  public Long getId() {
    return id;
  }

  public int getItemIndex() {
    return itemIndex;
  }

  public String getName() {
    return name;
  }

  public String getUrl() {
    return url;
  }

  public String getDescription() {
    return description;
  }

  /** The technologies as the candidate wrote them. */
  public List<String> getTechnologies() {
    return technologies.stream().map(ProjectTechnology::name).toList();
  }

  /** The technologies with the taxonomy's skill each stands for, where it knows one. */
  public List<ProjectTechnology> getTechnologyEntries() {
    return List.copyOf(technologies);
  }
}
