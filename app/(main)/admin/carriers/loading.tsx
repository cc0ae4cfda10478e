import { Bone, HeadingBones, LoadingSkeleton } from "@/components/ui/skeleton";

/** The carriers' table beside the form that adds one. */
export default function CarriersLoading() {
  return (
    <LoadingSkeleton className="gap-6">
      <HeadingBones />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Bone className="h-72 rounded-xl" />
        <Bone className="h-72 rounded-xl" />
      </div>
    </LoadingSkeleton>
  );
}
