# Sourced by make-class-archive.sh and make-jar-class-archive.sh: which archive a training run makes.
#
# KIND is the tool's image.class-archive.kind (parent POM):
#   dynamic  an AppCDS archive of the classes the run loaded, on top of the runtime's default CDS
#            archive (-XX:ArchiveClassesAtExit, JDK 13+);
#   aot      JDK 25's AOT cache (JEP 483/514, -XX:AOTCacheOutput): a static archive of every class
#            the run loaded, the JDK's included, already linked, with resolved constant-pool
#            entries and method profiles. Bigger (it does not build on the default archive) and
#            slower to make, and faster to start with. A JVM older than 25 makes a dynamic one.
# Either is used with -XX:SharedArchiveFile=FILE: the JVM maps an AOT cache named that way as the
# static archive it is, AOT-linked classes and all.

# The JVM's feature release: 17 for "17.0.15", 25 for "25.0.3".
java_feature() {
  "$1" -version 2>&1 | sed -n '1s/^[^"]*"\([0-9]*\).*/\1/p'
}

# class_archive_option JAVA KIND OUT: the JVM option that makes the training run write OUT.
class_archive_option() {
  local java=$1 kind=$2 out=$3
  case "$kind" in
    aot)
      if (($(java_feature "$java") >= 25)); then
        echo "-XX:AOTCacheOutput=$out"
        return
      fi
      echo "-XX:ArchiveClassesAtExit=$out" ;;
    dynamic) echo "-XX:ArchiveClassesAtExit=$out" ;;
    *)
      echo "class archive: unknown kind '$kind' (dynamic or aot)" >&2
      return 2 ;;
  esac
}
