package io.crystallize.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.crystallize.internal.model.ElementRef;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Points an error at the n-th of several repeated annotations. javac wraps them in a synthesized
 * container whose mirrors have no source position, so this finds the annotation in the source tree
 * instead; compilers without the tree API get the error on the element.
 */
final class RepeatedAnnotationPosition {

    private RepeatedAnnotationPosition() {
    }

    /** True when reported at the annotation's own position. */
    static boolean report(ProcessingEnvironment env, Element element, ElementRef where, String message) {
        try {
            Trees trees = Trees.instance(env);
            TreePath path = trees.getPath(element);
            if (path == null) {
                return false;
            }
            Tree tree = path.getLeaf();
            ModifiersTree modifiers = tree instanceof ClassTree c ? c.getModifiers()
                    : tree instanceof MethodTree m ? m.getModifiers() : null;
            if (modifiers == null) {
                return false;
            }
            List<? extends AnnotationTree> matching = modifiers.getAnnotations().stream()
                    .filter(a -> simpleName(a.getAnnotationType().toString()).equals(where.annotation())).toList();
            if (where.occurrence() >= matching.size()) {
                return false;
            }
            trees.printMessage(Diagnostic.Kind.ERROR, message, matching.get(where.occurrence()),
                    path.getCompilationUnit());
            return true;
        } catch (IllegalArgumentException | LinkageError e) {
            return false;
        }
    }

    private static String simpleName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
