// Remove the relationships an earlier push wrote that this build ($build) did not write again.
MATCH ()-[r]->()
WHERE r.build IS NOT NULL AND r.build <> $build
DELETE r
RETURN count(*) AS removed
