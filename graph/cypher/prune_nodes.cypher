// Remove the nodes an earlier push wrote that this build ($build) did not write again.
MATCH (n)
WHERE n.build IS NOT NULL AND n.build <> $build
DETACH DELETE n
RETURN count(*) AS removed
