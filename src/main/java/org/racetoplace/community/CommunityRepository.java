package org.racetoplace.community;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CommunityRepository extends JpaRepository<Community, String> {

  @Query("select c from Community c where c.active = true order by c.name")
  List<Community> findByActiveTrueOrderByName();
}
